// libFuzzer target: every SpecterWire parse function on the same bytes (list, details, created reply, the
// empty-list and API-off bodies), and the listed tokens through the Token arithmetic SpecterProvider uses.
#include "FuzzSupport.h"
#include "providers/specter/SpecterWire.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = FuzzSupport::bytes(data, size);

    const auto list = SpecterWire::parseList(body);
    if (!FuzzSupport::consistent(list))
        std::abort();
    if (list.ok()) {
        for (const SpecterWire::ListedToken &listed : list.value()) {
            if (listed.id.isEmpty())
                std::abort();
            Token token;
            token.id = listed.id;
            token.label = listed.description;
            token.setRemainingLife(listed.remainingSeconds, FuzzSupport::clock());
            if (listed.lifeSeconds > 0)
                token.lifetimeSeconds = listed.lifeSeconds;
            FuzzSupport::exerciseToken(token);
        }
    }

    const auto details = SpecterWire::parseDetails(body);
    if (!FuzzSupport::consistent(details))
        std::abort();
    if (details.ok()) {
        Token token;
        token.setRemainingLife(details->remainingSeconds, FuzzSupport::clock());
        FuzzSupport::exerciseToken(token);
    }

    const auto created = SpecterWire::parseCreated(body);
    if (!FuzzSupport::consistent(created))
        std::abort();
    if (created.ok() && (created->id.isEmpty() || created->token.isEmpty()))
        std::abort();

    (void)SpecterWire::isEmptyListBody(body);
    (void)SpecterWire::isApiOffBody(body);
    return 0;
}
