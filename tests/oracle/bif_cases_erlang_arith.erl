%% OTP's answers for the arithmetic BIFs: every pair of a set of boundary
%% values (small/big integers around 2^59 and 2^64, floats near the limits,
%% non-numbers) through each operator, and random integers and floats.
-module(bif_cases_erlang_arith).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {7, 11, 13}),
    Vals = values(),
    Bin = ['+', '-', '*', '/', 'div', 'rem', 'band', 'bor', 'bxor'],
    Un = ['-', '+', 'bnot', abs, float, trunc, round, floor, ceil],
    Cases =
        [run(erlang, Op, [A, B]) || Op <- Bin, A <- Vals, B <- Vals] ++
        [run(erlang, Op, [A, B]) || Op <- Bin, {A, B} <- random_pairs(300)] ++
        [run(erlang, Op, [A, S]) || Op <- ['bsl', 'bsr'], A <- ints() ++ bad(), S <- shifts()] ++
        [run(erlang, Op, [A, S]) || Op <- ['bsl', 'bsr'], {A, _} <- random_pairs(200),
                                    S <- [rand:uniform(300) - 150]] ++
        [run(erlang, Op, [A]) || Op <- Un, A <- Vals ++ floats_for_rounding()] ++
        [run(erlang, Op, [A]) || Op <- Un, {A, _} <- random_pairs(200)],
    ok = file:write_file(filename:join(Dir, "bif_cases_erlang_arith.etf"),
                         term_to_binary(Cases)).

run(M, F, Args) ->
    {M, F, Args, try apply(M, F, Args) of R -> {ok, R} catch C:R -> {C, R} end}.

ints() ->
    P59 = 1 bsl 59, P64 = 1 bsl 64,
    [0, 1, -1, 2, -2, 7, -7, 255, 1 bsl 31, P59 - 1, P59, -P59, -P59 - 1, P59 + 1,
     P64 - 1, P64, -P64, P64 + 1, 1 bsl 127, -(1 bsl 128) + 3, 1 bsl 200 - 1,
     -(1 bsl 255), 12345678901234567890123456789, (1 bsl 1023) * 3, 1 bsl 1024].

floats() ->
    [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.14159, 1.0e300, -1.0e300, 1.7976931348623157e308,
     5.0e-324, 2.2250738585072014e-308, 9007199254740993.0, 1.0e20, -4.5e18].

bad() -> [a, [], "1", {1}, <<1>>, #{}].

values() -> ints() ++ floats() ++ bad().

shifts() ->
    [0, 1, -1, 3, -3, 59, 60, -60, 63, 64, -64, 65, 200, -200, 1 bsl 40 + 1, -(1 bsl 40),
     1 bsl 59, -(1 bsl 59), 1 bsl 64, -(1 bsl 64), 1.0, a].

floats_for_rounding() ->
    [0.5, -0.5, 1.5, -1.5, 2.5, 0.49999999999999994, -0.49999999999999994, 4503599627370497.0,
     1.0e16, -1.0e16, 123456789012345678901234567890.0, 0.1, -0.1, 0.9999999999999999].

random_pairs(N) -> [{rnd(), rnd()} || _ <- lists:seq(1, N)].

rnd() ->
    case rand:uniform(6) of
        1 -> rand:uniform(1000) - 500;
        2 -> rand:uniform(1 bsl 62) - (1 bsl 61);
        3 -> rand:uniform(1 bsl 200) - (1 bsl 199);
        4 -> (rand:uniform() - 0.5) * math:pow(10, rand:uniform(40) - 20);
        5 -> rand:uniform(1 bsl 1000) - (1 bsl 999);
        6 -> rand:uniform(1 bsl 70) - (1 bsl 69)
    end.
