#pragma once

#include "providers/ProviderDescriptor.h"

// Registry entry of the Svix provider (authentication API: app-portal access, message tokens, expire-all).
ProviderDescriptor svixDescriptor();
