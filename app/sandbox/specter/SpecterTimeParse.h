#pragma once

#include <QString>

#include <optional>

// The sandbox's own port of pytimeparse 1.1.8 `timeparse()` (what Specter uses to read jwt_token_life), kept
// independent of the client's Duration parser on purpose. See shared/contracts/specter.md.
namespace SpecterTimeParse {

struct Seconds
{
    double value = 0;
    bool isFloat = false; // pytimeparse returned a float (fractional seconds), not an int
};

// nullopt where pytimeparse returns None (Specter then fails with HTTP 500).
std::optional<Seconds> parse(const QString &text);

} // namespace SpecterTimeParse
