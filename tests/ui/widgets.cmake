# The editor, import and detail widgets' tests. Included from tests/CMakeLists.txt, apart from
# tests/ui/CMakeLists.txt, so the widgets and the main window can grow their tests independently.
pingscope_add_test(tst_endpointlistparser SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_endpointlistparser.cpp)
pingscope_add_test(tst_endpointeditor SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_endpointeditor.cpp
                   LIBRARIES pingscope_ui)
pingscope_add_test(tst_importdialog SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_importdialog.cpp LIBRARIES pingscope_ui)
pingscope_add_test(tst_detailpane SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_detailpane.cpp LIBRARIES pingscope_ui)
