#pragma once

class SandboxServer;

// Adds every emulator the sandbox ships (one line per service in BuiltinEmulators.cpp).
void registerBuiltinEmulators(SandboxServer &server);
