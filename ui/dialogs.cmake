# Dialogs, delegates and widgets of the "dialogs" engineer; included from ui/CMakeLists.txt.
target_sources(tokendesk_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ClipboardGuard.h ${CMAKE_CURRENT_LIST_DIR}/ClipboardGuard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Confirmer.h ${CMAKE_CURRENT_LIST_DIR}/Confirmer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/CreateTokenDialog.h ${CMAKE_CURRENT_LIST_DIR}/CreateTokenDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DestructiveButton.h ${CMAKE_CURRENT_LIST_DIR}/DestructiveButton.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TypedConfirmation.h ${CMAKE_CURRENT_LIST_DIR}/TypedConfirmation.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ExpireAllDialog.h ${CMAKE_CURRENT_LIST_DIR}/ExpireAllDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/ExpireAllDialog.ui
    ${CMAKE_CURRENT_LIST_DIR}/ExpiryCalendarDialog.h ${CMAKE_CURRENT_LIST_DIR}/ExpiryCalendarDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/FieldForm.h ${CMAKE_CURRENT_LIST_DIR}/FieldForm.cpp
    ${CMAKE_CURRENT_LIST_DIR}/GrowWithContents.h ${CMAKE_CURRENT_LIST_DIR}/GrowWithContents.cpp
    ${CMAKE_CURRENT_LIST_DIR}/IdentifyTokenDialog.h ${CMAKE_CURRENT_LIST_DIR}/IdentifyTokenDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/JwtInspectorDialog.h ${CMAKE_CURRENT_LIST_DIR}/JwtInspectorDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/LeakScanDialog.h ${CMAKE_CURRENT_LIST_DIR}/LeakScanDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MfaDialog.h ${CMAKE_CURRENT_LIST_DIR}/MfaDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MfaDialog.ui
    ${CMAKE_CURRENT_LIST_DIR}/PastedValueEdit.h ${CMAKE_CURRENT_LIST_DIR}/PastedValueEdit.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RemainingLifeDelegate.h ${CMAKE_CURRENT_LIST_DIR}/RemainingLifeDelegate.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RevealDialog.h ${CMAKE_CURRENT_LIST_DIR}/RevealDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/RevealDialog.ui
    ${CMAKE_CURRENT_LIST_DIR}/RotateTokenDialog.h ${CMAKE_CURRENT_LIST_DIR}/RotateTokenDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SignInDialog.h ${CMAKE_CURRENT_LIST_DIR}/SignInDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SignInDialog.ui
    ${CMAKE_CURRENT_LIST_DIR}/VerifyTokenDialog.h ${CMAKE_CURRENT_LIST_DIR}/VerifyTokenDialog.cpp ${CMAKE_CURRENT_LIST_DIR}/VerifyTokenDialog.ui
)
