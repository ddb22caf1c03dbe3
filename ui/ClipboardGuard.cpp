#include "ClipboardGuard.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QMimeData>

Q_LOGGING_CATEGORY(lcClipboard, "tokendesk.ui.clipboard")

namespace {
QByteArray hashOf(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}
} // namespace

ClipboardGuard::ClipboardGuard(QObject *parent)
    : QObject(parent)
{
    m_clearTimer.setSingleShot(true);
    connect(&m_clearTimer, &QTimer::timeout, this, &ClipboardGuard::clearNow);
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, this, &ClipboardGuard::onTick);
    if (QCoreApplication::instance()) {
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, &ClipboardGuard::clearNow);
    }
}

ClipboardGuard::~ClipboardGuard() = default;

void ClipboardGuard::setClearDelayMs(int ms)
{
    m_delayMs = qMax(0, ms);
}

void ClipboardGuard::copySecret(const QString &text)
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return;
    auto *mime = new QMimeData;
    mime->setText(text);
    // KDE Klipper and other Linux clipboard managers: do not keep it in the history.
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    // Windows: skip clipboard monitors, history and cloud clipboard.
    mime->setData(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing"), QByteArray());
    mime->setData(QStringLiteral("CanIncludeInClipboardHistory"), QByteArray(4, '\0'));
    mime->setData(QStringLiteral("CanUploadToCloudClipboard"), QByteArray(4, '\0'));
    // macOS: clipboard managers skip concealed items.
    mime->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), QByteArray());
    clipboard->setMimeData(mime, QClipboard::Clipboard);

    m_hash = hashOf(text);
    m_deadline = QDeadlineTimer(m_delayMs);
    m_clearTimer.start(m_delayMs);
    m_tickTimer.start();
    qCDebug(lcClipboard) << "secret copied; clearing in" << m_delayMs << "ms";
    emit countdown(secondsLeft());
}

int ClipboardGuard::secondsLeft() const
{
    if (!isArmed())
        return 0;
    return int((m_deadline.remainingTime() + 999) / 1000);
}

bool ClipboardGuard::clipboardHoldsOurs() const
{
    const QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard || m_hash.isEmpty())
        return false;
    const QMimeData *mime = clipboard->mimeData(QClipboard::Clipboard);
    return mime && mime->hasText() && hashOf(mime->text()) == m_hash;
}

void ClipboardGuard::clearNow()
{
    if (!isArmed())
        return;
    const bool ours = clipboardHoldsOurs();
    disarm();
    if (ours) {
        QGuiApplication::clipboard()->clear(QClipboard::Clipboard);
        qCDebug(lcClipboard) << "clipboard cleared";
        emit cleared();
    } else {
        qCDebug(lcClipboard) << "clipboard holds something else; left alone";
        emit superseded();
    }
}

void ClipboardGuard::disarm()
{
    m_hash.clear();
    m_clearTimer.stop();
    m_tickTimer.stop();
}

void ClipboardGuard::onTick()
{
    if (!isArmed()) {
        m_tickTimer.stop();
        return;
    }
    emit countdown(secondsLeft());
}
