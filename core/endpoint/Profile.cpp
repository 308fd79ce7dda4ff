#include "Profile.h"

Endpoint Profile::makeEndpoint() const
{
    Endpoint endpoint;
    endpoint.id = Endpoint::newId();
    defaults.applyTo(&endpoint);
    return endpoint;
}
