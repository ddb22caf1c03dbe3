#pragma once

class SandboxServer;

// How the built-in emulators behave where a service has changed over time.
struct BuiltinEmulatorOptions
{
    // MagicBell's legacy /jwt routes (gone from today's MagicBell, which is the default).
    bool magicbellJwtRoutes = false;
    // Also a second MagicBell with the legacy routes, under "/magicbell-legacy/v2" (the embedded sandbox's
    // legacy demo account next to today's).
    bool magicbellLegacyInstance = false;
};

// Adds every emulator the sandbox ships (one line per service in BuiltinEmulators.cpp).
void registerBuiltinEmulators(SandboxServer &server, const BuiltinEmulatorOptions &options = {});
