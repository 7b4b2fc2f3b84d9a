from med7_train.blas import choose_openblas_kernels, cpu_flags, kernel_for

AVX512 = {"sse3", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"}


def test_avx512_cpu_gets_skylakex_kernels():
    assert kernel_for(AVX512 | {"amx_bf16"}) == "SkylakeX"


def test_avx2_only_cpu_gets_haswell_kernels():
    assert kernel_for({"sse3", "avx", "avx2", "fma"}) == "Haswell"


def test_partial_avx512_is_not_enough_for_skylakex():
    assert kernel_for({"avx2", "fma", "avx512f"}) == "Haswell"


def test_old_cpu_is_left_to_openblas():
    assert kernel_for({"sse3", "avx"}) is None


def test_a_users_choice_is_kept():
    env = {"OPENBLAS_CORETYPE": "Zen"}
    assert choose_openblas_kernels(env) == "Zen"
    assert env == {"OPENBLAS_CORETYPE": "Zen"}


def test_unset_coretype_is_filled_from_this_cpu():
    env = {}
    chosen = choose_openblas_kernels(env)
    assert chosen == kernel_for(cpu_flags())
    assert env.get("OPENBLAS_CORETYPE") == chosen


def test_missing_cpuinfo_gives_no_flags(tmp_path):
    assert cpu_flags(str(tmp_path / "none")) == set()
