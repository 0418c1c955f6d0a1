/* The floor to compare a build with: bare libcmark parsing every Markdown file of a portfolio,
 * on one core, nothing else. Reads the paths from standard input (one a line), parses each file
 * whole and frees the tree; prints the seconds it took, reading the files included.
 * Built by Benchmarks/run.sh: cc -O2 Benchmarks/cmark_parse.c -lcmark */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(void) {
    static char path[4096];
    size_t capacity = 1 << 16;
    char *buffer = malloc(capacity);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long files = 0;
    while (fgets(path, sizeof path, stdin)) {
        path[strcspn(path, "\n")] = 0;
        FILE *file = fopen(path, "rb");
        if (!file) { perror(path); return 1; }
        size_t length = 0, got;
        while ((got = fread(buffer + length, 1, capacity - length, file)) > 0) {
            length += got;
            if (length == capacity) buffer = realloc(buffer, capacity *= 2);
        }
        fclose(file);
        cmark_node *document = cmark_parse_document(buffer, length, CMARK_OPT_SOURCEPOS);
        cmark_node_free(document);
        files++;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("%ld %.3f\n", files, (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
    return 0;
}
