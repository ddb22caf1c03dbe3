#pragma once

#include "providers/ProviderDescriptor.h"

// Registry entry of the NetSapiens provider (ns-api v2 JWT).
ProviderDescriptor netsapiensDescriptor();
