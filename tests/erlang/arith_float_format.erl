-module(arith_float_format).
-export([main/0]).

main() ->
    Fs = [0.0, 1.0, -1.0, 0.1, 0.5, 2.0 / 3.0, 100.0, 1.0e-5, 123456789.125, 1.0e100, -2.5e-8, 9007199254740993.0],
    [erlang:display({float_to_list(F, [short]),
                     lists:flatten(io_lib:format("~f|~.2f|~e|~.3e|~g|~w|~p", [F, F, F, F, F, F, F]))}) || F <- Fs],
    erlang:display([float_to_list(X / 10, [short]) || X <- lists:seq(1, 10)]),
    erlang:display([float_to_list(1 / X, [{decimals, 4}]) || X <- lists:seq(1, 9)]),
    erlang:display([float_to_binary(math:pow(10, E), [short]) || E <- lists:seq(-5, 25, 5)]),
    erlang:display(lists:flatten(io_lib:format("~10.3f|~-10.3f|~.1f", [3.14159, 2.71828, 2.5]))),
    ok.
