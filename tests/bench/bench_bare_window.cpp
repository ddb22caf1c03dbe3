// P1 baseline: the smallest Qt Widgets program with a main window. It quits on the first paint event of its
// main window, exactly like `tokendesk` does when TOKENDESK_EXIT_ON_FIRST_PAINT is set, so tests/bench/run
// times both processes from start to that paint in the same way.
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

#include <cstdio>

namespace {

class FirstPaintExit : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::puts("first-paint");
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("bare"), &window));
    window.resize(1000, 700);
    FirstPaintExit probe;
    window.installEventFilter(&probe);
    window.show();
    return app.exec();
}
