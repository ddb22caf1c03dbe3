#pragma once

#include <QWidget>

class QLabel;

// The window's page while there is no account: the logo, a short welcome, "Add an account" and "Try the
// sandbox". The logo and the rich text are built only when the page is first shown (fill()): with accounts they
// would cost start-up time for nothing.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    void fill();

signals:
    void addAccountClicked();
    void trySandboxClicked();

private:
    QLabel *m_logo;
    QLabel *m_welcome;
};
