#pragma once

#include <QString>

// Locations of built executables and sources for tests (from TOKENDESK_BINARY_DIR / TOKENDESK_SOURCE_DIR,
// which tokendesk_add_test sets).
namespace TestPaths {
QString binaryDir();
QString sourceDir();
QString sandboxExecutable(); // tokendesk-sandbox
QString cliExecutable(); // tokendesk-cli
QString desktopExecutable(); // tokendesk
} // namespace TestPaths
