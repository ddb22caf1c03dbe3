#pragma once

#include <QDialog>

class QLabel;

// Help → About TokenDesk: the version, the Qt the app runs on (not the one it was built with), QtKeychain, the
// licence and the configuration folder (where accounts, the ledger and the audit log live), which support asks for.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(const QString &configDir, QWidget *parent = nullptr);

    // The facts as plain lines ("Version: 0.1.0", ...); for tests and "Copy".
    QString factsText() const;

private:
    QStringList m_facts;
};
