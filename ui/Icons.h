#pragma once

#include <QIcon>
#include <QString>

// The application's SVG icons, each read once per process. A QIcon made from an .svg file parses it on the spot,
// and the same icons are asked for by several widgets and on every paint of a sidebar row.
namespace Icons {
QIcon app(); // the TokenDesk logo
QIcon action(const QString &name); // :/icons/actions/<name>.svg
QIcon provider(const QString &iconName); // :/icons/providers/<iconName>.svg, or the generic one when there is none
} // namespace Icons
