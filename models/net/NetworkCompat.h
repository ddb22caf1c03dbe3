#pragma once

// The one place for QtNetwork API differences between Qt 6.4 and later Qt 6 releases.

#include <QNetworkRequest>
#include <QtGlobal>

#include <chrono>

namespace NetworkCompat {

inline void setTransferTimeout(QNetworkRequest &request, int ms)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    request.setTransferTimeout(std::chrono::milliseconds(ms));
#else
    request.setTransferTimeout(ms);
#endif
}

} // namespace NetworkCompat
