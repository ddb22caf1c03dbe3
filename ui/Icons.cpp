#include "Icons.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>

namespace {

QHash<QString, QIcon> &cache()
{
    static QHash<QString, QIcon> icons;
    return icons;
}

void clearCache()
{
    cache().clear();
}

QIcon cached(const QString &path)
{
    // The icons go with the application: their engine lives in a plugin, which must not outlive it.
    static const bool cleared = [] {
        qAddPostRoutine(clearCache);
        return true;
    }();
    Q_UNUSED(cleared)
    auto it = cache().constFind(path);
    if (it == cache().constEnd())
        it = cache().insert(path, QIcon(path));
    return it.value();
}

} // namespace

namespace Icons {

QIcon app()
{
    return cached(QStringLiteral(":/icons/tokendesk.svg"));
}

QIcon action(const QString &name)
{
    return cached(QStringLiteral(":/icons/actions/%1.svg").arg(name));
}

QIcon provider(const QString &iconName)
{
    // Asked on every paint of a sidebar group: the file lookup is cached too.
    static QHash<QString, QString> paths;
    auto it = paths.constFind(iconName);
    if (it == paths.constEnd()) {
        const QString path = QStringLiteral(":/icons/providers/%1.svg").arg(iconName);
        it = paths.insert(iconName, QFile::exists(path) ? path : QStringLiteral(":/icons/providers/generic.svg"));
    }
    return cached(it.value());
}

} // namespace Icons
