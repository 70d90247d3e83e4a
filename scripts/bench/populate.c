/* Fresh memory filled page by page (mode 0) or backed first with madvise(MADV_POPULATE_WRITE)
   (mode 1): FreshPages in MaillageCore. Usage: cc -O2 populate.c -o populate && ./populate MODE MB */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1e3+t.tv_nsec/1e6;}
int main(int c,char**v){ size_t n=(size_t)atoi(v[2])<<20; int mode=atoi(v[1]);
 double t0=now(); char*p=malloc(n);
 if(mode==1){ size_t a=((size_t)p+4095)&~4095UL; int r=madvise((void*)a,n-(a-(size_t)p),MADV_POPULATE_WRITE); if(r) perror("madvise"); }
 double t1=now(); memset(p,1,n); double t2=now(); printf("mode %d: populate %.2f ms, fill %.2f ms, total %.2f\n",mode,t1-t0,t2-t1,t2-t0); return p[100];}
