#pragma once

#include <QtGlobal>

// A stable name for one endpoint inside a Monitor. Rows move under edits and sorting; ids do not.
// Ids start at 1 and are never reused within one Monitor; 0 means "no endpoint" (monitor-wide events).
using EndpointId = quint64;
