#include <QTest>
class TestTlsProbe : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestTlsProbe)
#include "tst_tlsprobe.moc"
