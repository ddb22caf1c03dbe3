// P1 baseline: the smallest Qt Widgets program with a main window. It ends on the first paint event of its
// main window through the same FirstPaintExit as `tokendesk` with TOKENDESK_EXIT_ON_FIRST_PAINT, so
// tests/bench/run times both processes from start to that paint in the same way.
#include "FirstPaintExit.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

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
