#include "AlertEndpoint.h"

#include "endpoint/Endpoint.h"

AlertEndpoint AlertEndpoint::of(const Endpoint &endpoint)
{
    return AlertEndpoint{endpoint.id, endpoint.displayName(), endpoint.probe.target.toString(), endpoint.tags};
}
