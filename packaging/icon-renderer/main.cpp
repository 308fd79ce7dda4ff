// Renders the one SVG icon into the PNG sizes the desktops and installers need, at build time,
// so no generated image is kept in the repository.
//   pingscope_icon_renderer ICON.svg SIZE:OUT.png [SIZE:OUT.png...]

#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

#include <cstdio>

namespace {

bool renderOne(QSvgRenderer &renderer, const QString &request, QTextStream &err)
{
    const qsizetype colon = request.indexOf(QLatin1Char(':'));
    bool isNumber = false;
    const int size = colon > 0 ? request.left(colon).toInt(&isNumber) : 0;
    if (!isNumber || size < 1 || size > 4096) {
        err << "pingscope_icon_renderer: expected SIZE:FILE, got \"" << request << "\"" << Qt::endl;
        return false;
    }
    const QString path = request.mid(colon + 1);
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    if (!image.save(path, "PNG")) {
        err << "pingscope_icon_renderer: cannot write " << path << Qt::endl;
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    // Painting on a QImage needs no QGuiApplication, so no platform plugin and no display either.
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 3) {
        err << "usage: pingscope_icon_renderer ICON.svg SIZE:OUT.png [SIZE:OUT.png...]" << Qt::endl;
        return 2;
    }
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        err << "pingscope_icon_renderer: cannot read " << arguments.at(1) << " as SVG" << Qt::endl;
        return 1;
    }
    for (const QString &request : arguments.mid(2)) {
        if (!renderOne(renderer, request, err))
            return 1;
    }
    return 0;
}
