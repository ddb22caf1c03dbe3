# Dialog and widget tests of the "dialogs" engineer; included from tests/ui/CMakeLists.txt.
foreach(_tokendesk_dialog_test IN ITEMS
        tst_fieldform tst_createtokendialog tst_revealdialog tst_clipboardguard tst_mfadialog tst_confirmer tst_signindialog
        tst_remaininglifedelegate tst_expirealldialog tst_jwtinspectordialog tst_verifytokendialog)
    tokendesk_add_test(${_tokendesk_dialog_test}
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${_tokendesk_dialog_test}.cpp
        LIBS tokendesk_ui
        LABELS ui dialogs)
endforeach()
