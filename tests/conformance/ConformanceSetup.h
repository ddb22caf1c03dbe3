#pragma once

#include "CliRunner.h"
#include "PrismProxy.h"
#include "SandboxProcess.h"

#include <QFile>
#include <QTest>

// The start every conformance test shares, in its initTestCase(): the sandbox with `service`, the CLI, the node tools
// (tests/conformance/install-node-tools) and the specs beside the checkout must be there. Where one is missing the
// test is skipped, except when CI is set: there a skip would hide that the conformance checks did not run, so it
// fails with the reason. A macro, because QSKIP and QFAIL return from the test function itself.
#define TOKENDESK_CONFORMANCE_SETUP(service, nodeModulesOut, specsOut)                                                 \
    do {                                                                                                               \
        QString whyNot_ = SandboxProcess::skipReason(service);                                                         \
        if (whyNot_.isEmpty() && !QFile::exists(TestPaths::cliExecutable()))                                           \
            whyNot_ = TestPaths::cliExecutable() + QStringLiteral(" is not built");                                    \
        if (whyNot_.isEmpty())                                                                                         \
            (nodeModulesOut) = PrismProxy::nodeModules(&whyNot_);                                                      \
        if (whyNot_.isEmpty())                                                                                         \
            (specsOut) = PrismProxy::specsDir(&whyNot_);                                                               \
        if (!whyNot_.isEmpty() && !qEnvironmentVariableIsEmpty("CI"))                                                  \
            QFAIL(qPrintable(QStringLiteral("conformance checks cannot run in CI: ") + whyNot_));                      \
        if (!whyNot_.isEmpty())                                                                                        \
            QSKIP(qPrintable(whyNot_));                                                                                \
    } while (false)
