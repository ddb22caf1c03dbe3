#include "BuiltinEmulators.h"

#include "MagicBellEmulator.h"
#include "NetSapiensEmulator.h"
#include "SandboxServer.h"
#include "SpecterEmulator.h"
#include "SvixEmulator.h"

#include <memory>

void registerBuiltinEmulators(SandboxServer &server, const BuiltinEmulatorOptions &options)
{
    // One line per emulator.
    server.addEmulator(std::make_unique<SpecterEmulator>());
    server.addEmulator(std::make_unique<MagicBellEmulator>(options.magicbellJwtRoutes));
    if (options.magicbellLegacyInstance)
        server.addEmulator(MagicBellEmulator::legacyInstance());
    server.addEmulator(std::make_unique<NetSapiensEmulator>());
    server.addEmulator(std::make_unique<SvixEmulator>());
}
