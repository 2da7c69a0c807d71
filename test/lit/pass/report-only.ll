; Proves that -typeslab-report-only rewrites nothing (no typed variant, no
; descriptor) yet still gives every site its remark and its record, marked
; not rewritten and in mode "report-only".
; RUN: rm -rf %t && mkdir %t
; RUN: opt -load-pass-plugin=%typeslab_pass -passes=typeslab -typeslab-report-only -typeslab-sites=%t/recs -pass-remarks=typeslab -pass-remarks-missed=typeslab -S -o %t/out.ll %S/Inputs/two-types.ll 2> %t/remarks
; RUN: FileCheck %s --check-prefix=IR --implicit-check-not=_token --implicit-check-not=typeslab_type < %t/out.ll
; RUN: FileCheck %s --check-prefix=REMARK < %t/remarks
; RUN: cat %t/recs/*.jsonl | FileCheck %s --check-prefix=REC

; No line of the output names a typed variant or a descriptor.
; IR-LABEL: define ptr @mk_plain(
; IR-NEXT: %p = call ptr @kmalloc(i64 8, i32 3264)
; IR-LABEL: define ptr @mk_node(
; IR-NEXT: %p = call ptr @kmalloc(i64 16, i32 3264)
; IR-LABEL: define ptr @mk_bytes(
; IR-NEXT: %p = call ptr @kmalloc(i64 %n, i32 3264)

; REMARK: remark: {{.*}}typed 'kmalloc' call in 'mk_plain' as 'struct plain'
; REMARK: remark: {{.*}}typed 'kmalloc' call in 'mk_node' as 'struct node'
; REMARK: remark: {{.*}}untyped 'kmalloc' call in 'mk_bytes'

; REC: "function":"mk_plain",{{.*}}"mode":"report-only",{{.*}}"rewritten":false,{{.*}}"type":"struct plain","typed":true}
; REC-NEXT: "function":"mk_node",{{.*}}"mode":"report-only",{{.*}}"rewritten":false,{{.*}}"type":"struct node","typed":true}
; REC-NEXT: "function":"mk_bytes",{{.*}}"mode":"report-only",{{.*}}"rewritten":false,{{.*}}"typed":false}
