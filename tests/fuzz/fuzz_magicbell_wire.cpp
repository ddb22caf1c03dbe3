// libFuzzer target: every MagicBellWire parse function on the same bytes (token pages, created and discarded
// replies, error bodies), and the listed tokens through toToken and the Token arithmetic the models use.
#include "FuzzSupport.h"
#include "providers/magicbell/MagicBellWire.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = FuzzSupport::bytes(data, size);

    const auto page = MagicBellWire::parseTokenPage(body);
    if (!FuzzSupport::consistent(page))
        std::abort();
    if (page.ok()) {
        for (const MagicBellWire::TokenInfo &info : page->data) {
            const Token token = MagicBellWire::toToken(info, QStringLiteral("project"));
            if (token.lifetimeSeconds && *token.lifetimeSeconds <= 0)
                std::abort();
            FuzzSupport::exerciseToken(token);
        }
    }

    const auto created = MagicBellWire::parseCreatedToken(body);
    if (!FuzzSupport::consistent(created))
        std::abort();
    const auto discarded = MagicBellWire::parseDiscard(body);
    if (!FuzzSupport::consistent(discarded))
        std::abort();

    const QString message = MagicBellWire::parseErrorMessage(body);
    if (body.trimmed().isEmpty() && !message.isEmpty())
        std::abort();
    (void)MagicBellWire::hasErrorsArray(body);
    return 0;
}
