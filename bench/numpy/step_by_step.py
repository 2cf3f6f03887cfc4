#!/usr/bin/python3
"""The step-by-step assignment's computations in plain numpy: every building block on the course's test cases."""
import sys, os, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'fixtures'))
t0 = time.perf_counter()
import gen_course_expected  # noqa: E402

results = gen_course_expected.step_by_step()  # every test case through the numpy building blocks
print('cost = ' + str(results['compute_cost']['cost']))
print('numpy seconds: %.3f' % (time.perf_counter() - t0), file=sys.stderr)
