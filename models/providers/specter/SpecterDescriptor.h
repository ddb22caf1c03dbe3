#pragma once

#include "providers/ProviderDescriptor.h"

// Registry entry of the Specter Desktop provider (REST API /api/v1alpha/token/, HTTP Basic).
ProviderDescriptor specterDescriptor();
