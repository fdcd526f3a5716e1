%% Oracle cases for the math module's BIFs: every function on integers
%% (small, at 2^59, bignums up to past the double range), floats (both
%% zeros, subnormals, huge values, domain edges), non-numbers, and random
%% values. Writes bif_cases_math.etf: [{Module, Function, Args, Outcome}].
-module(bif_cases_math).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {25, 7, 1}),
    Cases = [outcome(M, F, A) || {M, F, A} <- calls()],
    ok = file:write_file(filename:join(Dir, "bif_cases_math.etf"), term_to_binary(Cases)).

outcome(M, F, A) ->
    Out = try apply(M, F, A) of R -> {ok, R} catch C:R -> {C, R} end,
    {M, F, A, Out}.

fun1() ->
    [acos, acosh, asin, asinh, atan, atanh, ceil, cos, cosh, erf, erfc, exp, floor,
     log, log10, log2, sin, sinh, sqrt, tan, tanh].
fun2() -> [atan2, fmod, pow].

values() ->
    Ints = [0, 1, -1, 2, -2, 3, 10, -10, 100, 709, 710, 1000, -1000, 1 bsl 59,
            (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 60, 1 bsl 64, 1 bsl 100, -(1 bsl 100),
            1 bsl 1023, (1 bsl 1024) - (1 bsl 970), 1 bsl 1024, -(1 bsl 1024), 1 bsl 1100],
    Floats = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, 2.0, 0.999999, 1.000001,
              100.0, -100.0, 709.0, 710.0, 1.0e300, -1.0e300, 5.0e-324, -5.0e-324,
              2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308,
              3.141592653589793, 1.5707963267948966, 0.1, 1.0e-10, 123456.789],
    Bad = [a, [], "1", <<1>>, {1.0}, #{}],
    Rand = [rand:uniform() * 20 - 10 || _ <- lists:seq(1, 40)] ++
        [rand:uniform(2000) - 1000 || _ <- lists:seq(1, 20)],
    Ints ++ Floats ++ Bad ++ Rand.

pair_values() ->
    [0, 1, -1, 2, -3, 10, 1 bsl 70, 1 bsl 1100, 0.0, -0.0, 0.5, -0.5, 2.5, -2.5, 1.0e300,
     -1.0e300, 5.0e-324, 1024.0, 3.141592653589793, a, <<>>].

calls() ->
    [{math, F, [X]} || F <- fun1(), X <- values()] ++
        [{math, F, [X, Y]} || F <- fun2(), X <- pair_values(), Y <- pair_values()] ++
        [{math, F, [rand:uniform() * 200 - 100, rand:uniform() * 20 - 10]}
         || F <- fun2(), _ <- lists:seq(1, 100)].
