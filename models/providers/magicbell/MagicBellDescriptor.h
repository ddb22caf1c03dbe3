#pragma once

#include "providers/ProviderDescriptor.h"

// Registry entry of the MagicBell provider (project API v2, JWT routes).
ProviderDescriptor magicbellDescriptor();
