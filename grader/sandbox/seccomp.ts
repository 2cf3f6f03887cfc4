/**
 * A seccomp filter for the sandbox process (classic BPF, given to bubblewrap's --seccomp): system
 * calls that a grading sandbox never needs and that widen the kernel's attack surface fail with
 * EPERM (debugging other processes, namespaces, mounts, kernel modules and keys, BPF, io_uring,
 * userfaultfd, perf); clone with namespace flags fails, clone3 reports ENOSYS so the C library falls
 * back to clone; a foreign architecture or the x32 ABI kills the process. x86-64 only: elsewhere no
 * filter is made and the other walls remain.
 */
import * as fs from 'fs';
import * as path from 'path';

const AUDIT_ARCH_X86_64 = 0xc000003e;
const X32_BIT = 0x40000000;
const EPERM = 1, ENOSYS = 38;
const CLONE_NAMESPACES = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000 | 0x00000080;

/** x86-64 numbers of the refused calls. */
const REFUSED: Record<string, number> = {
  ptrace: 101, personality: 135, pivot_root: 155, chroot: 161, acct: 163, settimeofday: 164, mount: 165, umount2: 166,
  swapon: 167, swapoff: 168, reboot: 169, init_module: 175, delete_module: 176, kexec_load: 246, add_key: 248,
  request_key: 249, keyctl: 250, unshare: 272, perf_event_open: 298, name_to_handle_at: 303, open_by_handle_at: 304,
  setns: 308, process_vm_readv: 310, process_vm_writev: 311, finit_module: 313, kexec_file_load: 320, bpf: 321,
  userfaultfd: 323, io_uring_setup: 425, io_uring_enter: 426, io_uring_register: 427, fsopen: 430, fsmount: 432,
  move_mount: 429, open_tree: 428,
};
const CLONE = 56, CLONE3 = 435;

// Classic BPF opcodes.
const LD_W_ABS = 0x20, JEQ_K = 0x15, JGE_K = 0x35, JSET_K = 0x45, RET_K = 0x06;
const RET_KILL = 0x80000000, RET_ERRNO = 0x00050000, RET_ALLOW = 0x7fff0000;
// struct seccomp_data: nr at 0, arch at 4, args[0] (low 32 bits on little endian) at 16.
const NR = 0, ARCH = 4, ARG0 = 16;

type Insn = [code: number, jt: number, jf: number, k: number];

export function seccompProgram(): Buffer {
  const refused = Object.values(REFUSED);
  const p: Insn[] = [
    [LD_W_ABS, 0, 0, ARCH],
    [JEQ_K, 1, 0, AUDIT_ARCH_X86_64],
    [RET_K, 0, 0, RET_KILL],
    [LD_W_ABS, 0, 0, NR],
    [JGE_K, 0, 1, X32_BIT],
    [RET_K, 0, 0, RET_KILL],
    [JEQ_K, 0, 1, CLONE3],
    [RET_K, 0, 0, RET_ERRNO | ENOSYS],
    [JEQ_K, 0, 3, CLONE],
    [LD_W_ABS, 0, 0, ARG0],
    [JSET_K, 0, 1, CLONE_NAMESPACES],
    [RET_K, 0, 0, RET_ERRNO | EPERM],
  ];
  // After the clone check the accumulator may hold args[0]: load the number again.
  p.push([LD_W_ABS, 0, 0, NR]);
  refused.forEach((nr, i) => p.push([JEQ_K, refused.length - i, 0, nr]));
  p.push([RET_K, 0, 0, RET_ALLOW]);
  p.push([RET_K, 0, 0, RET_ERRNO | EPERM]);
  // The clone branch above jumps 3 ahead when the call is not clone: to the reload of the number.
  const buf = Buffer.alloc(p.length * 8);
  p.forEach(([code, jt, jf, k], i) => {
    buf.writeUInt16LE(code, i * 8);
    buf.writeUInt8(jt, i * 8 + 2);
    buf.writeUInt8(jf, i * 8 + 3);
    buf.writeUInt32LE(k >>> 0, i * 8 + 4);
  });
  return buf;
}

/** The filter written once into `dir` (our own folder); null on other architectures. */
export function seccompFile(dir: string): string | null {
  if (process.arch !== 'x64') return null;
  const file = path.join(dir, 'seccomp.bpf');
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, seccompProgram(), { mode: 0o644 });
    fs.renameSync(tmp, file);
  }
  return file;
}
