%% Oracle cases for the erlang_misc BIF family: checksums of iodata (crc32,
%% adler32, md5 and the md5 context BIFs), iolist_to_iovec/1, funs, pids,
%% ports and refs as text and back, string:list_to_integer/1 and
%% list_to_float/1, convert_time_unit/3, pre_loaded/0, and the argument
%% errors of the BIFs whose results depend on the clock, the time zone or
%% the loaded code (those results are tested by tests/erlang programs).
%% Writes bif_cases_erlang_misc.etf: [{Module, Function, Args, Outcome}].
-module(bif_cases_erlang_misc).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {25, 11, 24}),
    Cases = [outcome(M, F, A) || {M, F, A} <- calls()],
    ok = file:write_file(filename:join(Dir, "bif_cases_erlang_misc.etf"),
                         term_to_binary(Cases)).

%% iolist_to_iovec/1 cuts long runs of bytes where its reductions run out:
%% a fresh time slice keeps every run here whole.
outcome(M, F, A) ->
    erlang:yield(),
    Out = try apply(M, F, A) of R -> {ok, R} catch C:R -> {C, R} end,
    {M, F, A, Out}.

calls() ->
    checksum_calls() ++ md5_calls() ++ iovec_calls() ++ ident_calls() ++
        string_calls() ++ time_unit_calls() ++ code_calls() ++ datetime_error_calls().

%% ---- iodata ----

bytes(N) -> [rand:uniform(256) - 1 || _ <- lists:seq(1, N)].
bin(N) -> list_to_binary(bytes(N)).

%% Random iodata: nested lists of byte runs and binaries of many sizes,
%% improper binary tails, empty lists and binaries.
rand_iodata(0) -> bin(rand:uniform(300) - 1);
rand_iodata(Depth) ->
    Elems = [rand_elem(Depth - 1) || _ <- lists:seq(1, rand:uniform(6))],
    case rand:uniform(4) of
        1 -> Elems ++ bin(rand:uniform(150));
        _ -> Elems
    end.

rand_elem(Depth) ->
    case rand:uniform(6) of
        1 -> bin(rand:uniform(200) - 1);
        2 -> rand:uniform(256) - 1;
        3 when Depth > 0 -> rand_iodata(Depth);
        4 -> [];
        5 -> bytes(rand:uniform(120));
        _ -> <<>>
    end.

good_iodata() ->
    [[], <<>>, <<"abc">>, "abc", [[]], [<<>>], [[], <<>>, []],
     [<<1, 2>>, 3, [4, [5 | <<6>>]]], lists:seq(0, 255), [lists:seq(0, 255)],
     [1, 2 | <<3, 4>>], [[[[[[1]]]]], 2], [<<"message ">>, "digest"],
     bin(63), bin(64), bin(65), bin(99), bin(100), bin(101), bin(250), bin(1000),
     bytes(63), bytes(64), bytes(100), bytes(201), [bytes(60), bin(60), bytes(60)],
     [bin(50), [bin(70), bytes(90)], bin(130) | bin(40)],
     [lists:duplicate(10, bin(37))], lists:duplicate(300, $a)] ++
        [rand_iodata(3) || _ <- lists:seq(1, 25)].

bad_iodata() ->
    [a, 1, 1.0, {<<>>}, [1 | 2], [256], [-1], [a], [<<1:1>>], <<1:1>>, <<1, 2:3>>,
     [[1 | a]], [1, 2 | 3], [<<1>> | a], [1.0], [self()], [[], {}], #{}].

%% ---- checksums ----

sums() -> [0, 1, 12345, 16#80000000, 16#ffffffff].
bad_sums() -> [-1, 1 bsl 32, 1 bsl 64, -(1 bsl 64), 1.0, a, [], <<0>>].

checksum_calls() ->
    Good = good_iodata(),
    [{erlang, F, [D]} || F <- [crc32, adler32, md5], D <- Good ++ bad_iodata()] ++
        [{erlang, F, [S, D]} || F <- [crc32, adler32], S <- sums(), D <- Good] ++
        [{erlang, F, [S, D]} || F <- [crc32, adler32], S <- bad_sums(), D <- [[], "abc"]] ++
        [{erlang, F, [0, D]} || F <- [crc32, adler32], D <- bad_iodata()] ++
        [{erlang, F, [A, B, L]} || F <- [crc32_combine, adler32_combine],
                                   A <- sums(), B <- sums(),
                                   L <- [0, 1, 3, 64, 1000, 16#ffffffff]] ++
        [{erlang, F, [A, B, L]} || F <- [crc32_combine, adler32_combine],
                                   {A, B, L} <- [{X, 0, 0} || X <- bad_sums()] ++
                                       [{0, X, 0} || X <- bad_sums()] ++
                                       [{0, 0, X} || X <- bad_sums()]].

%% ---- md5 contexts ----

%% Contexts as OTP makes them (md5_init/0 leaves part of its buffer as it
%% found it: the cases carry those bytes), and made up ones: any length,
%% in bits, and any buffer.
contexts() ->
    C0 = erlang:md5_init(),
    Made = [C0, erlang:md5_update(C0, "abc"), erlang:md5_update(C0, bin(63)),
            erlang:md5_update(C0, bin(64)), erlang:md5_update(C0, bin(100)),
            erlang:md5_update(C0, bytes(250)), erlang:md5_update(C0, rand_iodata(2))],
    Odd = [<<(bin(16))/binary, Lo:32/little, Hi:32/little, (bin(64))/binary>>
           || {Lo, Hi} <- [{5, 0}, {16#fffffff8, 0}, {16#fffffff8, 16#ffffffff},
                           {16#1ff, 7}, {rand:uniform(1 bsl 32) - 1, rand:uniform(1 bsl 32) - 1}]],
    Made ++ Odd.

bad_contexts() ->
    [<<>>, bin(87), bin(89), <<(bin(88))/binary, 1:1>>, a, 1, "context",
     binary_to_list(bin(88))].

md5_calls() ->
    Ctxs = contexts(),
    [{erlang, md5_update, [C, D]} || C <- Ctxs, D <- good_iodata()] ++
        [{erlang, md5_update, [C, D]} || C <- tl(Ctxs), D <- bad_iodata()] ++
        [{erlang, md5_update, [C, "abc"]} || C <- bad_contexts()] ++
        [{erlang, md5_final, [C]} || C <- Ctxs ++ bad_contexts()] ++
        [{erlang, md5_final, [erlang:md5_update(C, D)]} || C <- Ctxs, D <- good_iodata()].

%% ---- iolist_to_iovec ----

iovec_calls() ->
    Sizes = [0, 1, 100, 255, 256, 257, 300, 511, 512, 600, 5000],
    Bins = [bin(N) || N <- Sizes],
    Pairs = [[A, B] || A <- Bins, B <- Bins],
    Runs = [[bytes(5000), bin(100), bytes(6000)], [bytes(3000), bin(300), bytes(3000)],
            [bytes(20000)], [bytes(8000), 1], [bytes(8192), bin(1)],
            [bytes(100), bin(300), bytes(100), bin(1000)], [bytes(255), bin(257)],
            [bin(200), bin(200), bin(200)], [lists:duplicate(100, bin(100))],
            [bin(600) | bin(600)], [bytes(10) | bin(300)]],
    [{erlang, iolist_to_iovec, [D]}
     || D <- good_iodata() ++ bad_iodata() ++ Bins ++ Pairs ++ Runs].

%% ---- funs, pids, ports and refs as text ----

adder(N) -> fun(X) -> X + N end.

ident_calls() ->
    Funs = [fun lists:map/2, fun erlang:abs/1, fun() -> ok end, fun(X) -> X + 1 end,
            adder(5), fun 'weird module':'fun name'/3, fun 'Ω':'ä'/0,
            fun ?MODULE:main/1],
    Pids = [self(), list_to_pid("<0.0.0>"), list_to_pid("<0.32767.8191>")],
    Ports = [list_to_port("#Port<0.0>"), list_to_port("#Port<0.268435455>"),
             hd(erlang:ports())],
    Refs = [make_ref(), make_ref(), list_to_ref("#Ref<0.1.65536.3>")],
    NotAny = [a, 1, [], {}, <<>>, "text"],
    [{erlang, fun_to_list, [F]} || F <- Funs ++ NotAny ++ Pids] ++
        [{erlang, pid_to_list, [P]} || P <- Pids ++ NotAny ++ Ports ++ Refs] ++
        [{erlang, port_to_list, [P]} || P <- Ports ++ NotAny ++ Pids] ++
        [{erlang, ref_to_list, [R]} || R <- Refs ++ NotAny ++ Ports] ++
        [{erlang, list_to_pid, [pid_to_list(P)]} || P <- Pids] ++
        [{erlang, list_to_port, [port_to_list(P)]} || P <- Ports] ++
        [{erlang, list_to_ref, [ref_to_list(R)]} || R <- Refs] ++
        [{erlang, list_to_pid, [T]} || T <- pid_texts() ++ NotAny] ++
        [{erlang, list_to_port, [T]} || T <- port_texts() ++ NotAny] ++
        [{erlang, list_to_ref, [T]} || T <- ref_texts() ++ NotAny].

pid_texts() ->
    Zeros = lists:duplicate(55, $0),
    ["<0.0.0>", "<0.32767.8191>", "<000.012.0003>", "<0.32768.0>", "<0.0.8192>",
     "<18446744073709551616.1.0>", "<0.18446744073709551617.0>", "<1.2.3>",
     "<99999999.1.2>", "<0.1.2>x", "<0.1.2", "0.1.2>", "<0..2>", "<0.1.2.3>", "<>",
     "", "< 0.1.2>", "<0.1.2>" ++ [0] ++ "junk", "<0." ++ Zeros ++ "1.0>",
     "<0." ++ Zeros ++ "01.0>", [$<, 300, $., $1, $., $2, $>], [$<, $0, $., $1 | $2],
     <<"<0.1.2>">>, [$<, -1]].

port_texts() ->
    ["#Port<0.0>", "#Port<0.268435455>", "#Port<0.268435456>", "#Port<4294967296.5>",
     "#Port<4294967297.5>", "#Port<0.5>" ++ [0, $x], "#Port<0.5",
     "#Port<0." ++ lists:duplicate(30, $0) ++ "7>",
     "#Port<0." ++ lists:duplicate(31, $0) ++ "7>", "#port<0.1>", "#Port<.1>",
     "#Port<0.1.2>", "#Port<0.18446744073709551617>", "#Port", "#Port<>",
     "#Port<1.2>"].

ref_texts() ->
    ["#Ref<0.1.65536.3>", "#Ref<0.4294967295.4294901761.262143>", "#Ref<0.0.0.0>",
     "#Ref<0.1.65536.262144>", "#Ref<0.1.65536>", "#Ref<0.1.65536.3.4>",
     "#Ref<0.1.2.3.4.5>", "#Ref<0.1.2.3.4.5.6>", "#Ref<0.1.2.3.4.5.>",
     "#Ref<0.4294967296.65536.3>", "#Ref<18446744073709551616.1.65536.3>",
     "#Ref<0.18446744073709551617.65536.3>", "#Ref<1.1.65536.3>", "#Ref<0.1.65536.3>x",
     "#Ref<0.1.65536.3>" ++ [0, $y], "#Ref<0.1..3>", "#ref<0.1.65536.3>", "#Ref<>",
     "#Ref<0>", "#Ref<0.1>",
     "#Ref<0.1.65536." ++ lists:duplicate(50, $0) ++ "3>",
     "#Ref<0.1.65536." ++ lists:duplicate(51, $0) ++ "3>"].

%% ---- string:list_to_integer/1 and list_to_float/1 ----

string_calls() ->
    Ints = ["123", "-123", "+123", "123abc", "abc", "", "-", "+", "-abc", "+-1", "--1",
            "00012", "-0", "123456789012345678901234567890xyz", "-98765432109876543210",
            [305, $2], [$1, 256 + $2], [$1, -200], [$1 | a], [$1, a], [a], [$- | <<"1">>],
            [$- | a], "1 2", " 1", [16#ff11], "9" ++ lists:duplicate(300, $7) ++ ".",
            a, 1, <<"1">>, {}, 1.5],
    Floats = ["1.5", "-1.5", "+1.5", "1,5", "1.5e10", "1.5E-3", "1.5e", "1.5e+", "1.5e-x",
              "1.5ee", "1.5e--", "1.5e++", "1.5e.", "1.5e+.", "1.5e+e", "1.5e-e", "1.", "1",
              ".5", "-.5", "1..5", "1.5.5", "1.5x", "", "abc", "1e5", "2.3e5e", "1.0e400",
              "1.0e-400", "0.0", "-0.0", "12345678901234567890.5", "1.5e5x", "+1.5e+5",
              "+-1.5", "-+1.5", "1.5e-5", "1.5,5", ",5", "-", "+", "+.", "1.5e+-5",
              [$1, $., $5 | a], [$1, $. | a], [$1, $., $5, $e | a], [$1, $., $5, $e, $+ | <<>>],
              [$1, $., 256 + $5], [$1, $., $5, a], [a], [$1, $., -1],
              lists:duplicate(300, $1) ++ ".5" ++ lists:duplicate(200, $0) ++ "e-3xyz",
              a, 1, <<"1.5">>, 1.5],
    [{string, list_to_integer, [S]} || S <- Ints] ++
        [{string, list_to_float, [S]} || S <- Floats].

%% ---- convert_time_unit/3 ----

time_unit_calls() ->
    Times = [0, 1, -1, 999, -999, 1000, -1000, 1 bsl 62, -(1 bsl 62), 1 bsl 100,
             -(1 bsl 100), 123456789],
    Units = [native, perf_counter, nanosecond, microsecond, millisecond, second,
             nano_seconds, micro_seconds, milli_seconds, seconds, 1, 3, 7, 1000, 1 bsl 64],
    BadUnits = [0, -1, -(1 bsl 64), 1.0, 1000.0, foo, {}, "second"],
    [{erlang, convert_time_unit, [T, F, U]} || T <- Times, F <- Units, U <- Units] ++
        [{erlang, convert_time_unit, [T, F, U]}
         || T <- [1.0, a, [], 1.5e300], F <- [second, 1000], U <- [native, 7]] ++
        [{erlang, convert_time_unit, [1, B, second]} || B <- BadUnits] ++
        [{erlang, convert_time_unit, [1, second, B]} || B <- BadUnits] ++
        [{erlang, time_offset, [B]} || B <- BadUnits].

%% ---- code ----

code_calls() ->
    [{erlang, pre_loaded, []}] ++
        [{erlang, module_loaded, [M]}
         || M <- [erlang, init, prim_file, no_such_module_kbeam, "lists", 1, {lists}]].

%% ---- calendar time: the argument errors, the same in every time zone ----

datetime_error_calls() ->
    Bad = [{{1901, 12, 31}, {23, 59, 59}}, {{2020, 2, 30}, {0, 0, 0}},
           {{2019, 2, 29}, {0, 0, 0}}, {{1900, 2, 29}, {0, 0, 0}},
           {{2020, 13, 1}, {0, 0, 0}}, {{2020, 0, 1}, {0, 0, 0}}, {{2020, 1, 0}, {0, 0, 0}},
           {{2020, 4, 31}, {0, 0, 0}}, {{2020, 1, 1}, {24, 0, 0}}, {{2020, 1, 1}, {0, 60, 0}},
           {{2020, 1, 1}, {0, 0, 60}}, {{2020, 1, 1}, {0, 0, -1}}, {{2020, 1, 1}, {-1, 0, 0}},
           {{2020, 1, 1}, {0, 0, 0.0}}, {{2020.0, 1, 1}, {0, 0, 0}}, {2020, 1, 1},
           {{2020, 1, 1}}, {{2020, 1, 1}, {0, 0}}, {{2020, 1}, {0, 0, 0}},
           {{2020, 1, 1}, {0, 0, 0}, x}, {{1 bsl 40, 1, 1}, {0, 0, 0}},
           {{2147483647, 1, 1}, {0, 0, 0}}, {{1 bsl 70, 1, 1}, {0, 0, 0}}, a, [], "2020"],
    [{erlang, universaltime_to_localtime, [D]} || D <- Bad] ++
        [{erlang, localtime_to_universaltime, [D]} || D <- Bad] ++
        [{erlang, localtime_to_universaltime, [D, Dst]}
         || D <- Bad, Dst <- [true, false, undefined]] ++
        [{erlang, localtime_to_universaltime, [{{2020, 6, 1}, {12, 0, 0}}, Dst]}
         || Dst <- [maybe, 1, [], "true"]].
