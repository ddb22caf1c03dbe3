#pragma once

#include "core/Token.h"

#include <QList>
#include <QUuid>

#include <functional>

// What the window has selected, as the token operations and the revoker read it when they run: the sidebar's
// account and the selected rows of the table on screen.
struct TokenSelection
{
    std::function<QUuid()> account; // the account selected in the sidebar (null: none, e.g. All accounts)
    std::function<QList<Token>()> tokens; // the selected tokens of the shown table

    // The account a token belongs to: a row of All accounts names its own; the account page's rows belong to
    // the sidebar's account.
    QUuid accountOf(const Token &token) const { return token.accountId.isNull() ? account() : token.accountId; }
};
