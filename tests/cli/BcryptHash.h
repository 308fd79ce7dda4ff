#pragma once

#include <QByteArray>

// A bcrypt hash of password ($2b$, cost 4: the cheapest, tests need no strength), made with libxcrypt.
QByteArray bcryptHash(const QByteArray &password);
