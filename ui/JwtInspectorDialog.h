#pragma once

#include <QDialog>

class Clock;
class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
struct TokenInspection;

// Decodes a JWT (without verifying it) and shows its header, claims, times and warnings. The token can be
// pasted (masked unless "Show" is ticked) or set with setToken(). setServerView() adds the claims as the
// server reports them (NetSapiens GET /jwt), with millisecond lifetimes such as time_out shown as durations.
class JwtInspectorDialog : public QDialog
{
    Q_OBJECT
public:
    explicit JwtInspectorDialog(QWidget *parent = nullptr);
    ~JwtInspectorDialog() override;

    void setClock(const Clock *clock);
    void setToken(const QString &token);
    void setServerView(const TokenInspection &inspection);

    // For tests and copy: what is displayed.
    QString headerText() const;
    QString summaryText() const;
    QStringList warnings() const { return m_warnings; }
    QString errorText() const;
    QString serverClaimText(const QString &claim) const;

    void done(int result) override;

private:
    void decode();

    const Clock *m_clock;
    QLineEdit *m_input;
    QCheckBox *m_show;
    QLabel *m_error;
    QLabel *m_summary;
    QLabel *m_warningLabel;
    QPlainTextEdit *m_header;
    QTableWidget *m_claims;
    QGroupBox *m_serverBox;
    QTableWidget *m_serverClaims;
    QStringList m_warnings;
};
