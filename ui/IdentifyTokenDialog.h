#pragma once

#include "workflows/TokenIdentifier.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class AccountController;
class AccountListCollector;
class PastedValueEdit;
class QLabel;
class QPushButton;
class QTreeWidget;

// Tokens → Identify…: "whose token is this?" The user pastes a value; it is fingerprinted and decoded at once
// and wiped, then every account is listed (AccountListCollector) and TokenIdentifier says which token of which
// account it is: service, account, token, created, notes and how sure. Revoke sends the selected match through
// the account's session (the same path as the main window's Revoke), after a confirmation.
class IdentifyTokenDialog : public QDialog
{
    Q_OBJECT
public:
    explicit IdentifyTokenDialog(AccountController *controller, QWidget *parent = nullptr);
    ~IdentifyTokenDialog() override;

    QList<IdentifyMatch> matches() const { return m_matches; }
    QString statusText() const;
    QTreeWidget *resultView() const { return m_results; }
    bool isBusy() const { return m_busy; }

    void identify();
    void revokeSelected();
    void done(int result) override;

signals:
    void identifyFinished(); // tests wait for it
    void revokeFinished(bool ok);

private:
    void identifyWith(const TokenProbe &probe, const QString &keyProblem);
    void showMatches(const QString &keyProblem, const QList<QPair<QString, QString>> &notChecked);
    void setStatus(const QString &text, bool problem);
    void updateButtons();

    AccountController *m_controller;
    PastedValueEdit *m_input;
    QPushButton *m_identify;
    QPushButton *m_revoke;
    QLabel *m_status;
    QTreeWidget *m_results;
    QPointer<AccountListCollector> m_collector;
    QList<IdentifyMatch> m_matches;
    bool m_busy = false;
};
