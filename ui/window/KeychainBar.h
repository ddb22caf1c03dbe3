#pragma once

#include <QFrame>

class QLabel;
class SecretStore;

// The one place that says no keychain is available (secrets live in memory until TokenDesk quits): a bar above
// the tables, shown while the store is memory-only, until the user dismisses it for this run.
class KeychainBar : public QFrame
{
    Q_OBJECT
public:
    explicit KeychainBar(SecretStore *store, QWidget *parent = nullptr);

    bool isDismissed() const { return m_dismissed; }
    void dismiss();
    // Whether the bar is meant to show now (memory-only and not dismissed), visible or not.
    bool isWanted() const;

private:
    void follow(); // shown while wanted

    SecretStore *m_store;
    QLabel *m_text;
    bool m_dismissed = false;
};
