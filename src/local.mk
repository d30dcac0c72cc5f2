## src/local.mk: the program and the shared core (utilities, commands).
byline_SOURCES = src/main.c
byline_LDADD = $(BYLINE_LIBS)

libbyline_a_SOURCES += \
	src/system.h \
	src/xalloc.c src/xalloc.h \
	src/buf.c src/buf.h \
	src/strv.c src/strv.h \
	src/json.c src/json.h \
	src/msg.c src/msg.h \
	src/article.c src/article.h \
	src/cmd.h \
	src/names.c src/names.h \
	src/cmd-show.c
