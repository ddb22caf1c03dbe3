// libFuzzer target: Duration::parseSeconds and the formatters on arbitrary text.
#include "core/Duration.h"

#include <QString>

#include <cmath>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto seconds = Duration::parseSeconds(text, &error);
    if (!seconds) {
        if (error.isEmpty())
            std::abort(); // every refusal says why
        return 0;
    }
    if (!error.isEmpty() || !std::isfinite(*seconds) || std::abs(*seconds) > 1e11)
        std::abort();

    // Leading whitespace never changes the value (pytimeparse strips it before the sign).
    if (text.size() < 200) {
        const auto spaced = Duration::parseSeconds(QStringLiteral(" ") + text);
        if (!spaced || *spaced != *seconds)
            std::abort();
    }

    const qint64 whole = qint64(std::llround(*seconds));
    (void)Duration::format(whole, 3);
    (void)Duration::formatShort(whole);
    // What we send back is read as exactly the same number of seconds.
    const auto back = Duration::parseSeconds(Duration::toWireText(whole));
    if (!back || *back != double(whole))
        std::abort();
    return 0;
}
