-module(conv_floats).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Fs = [0.0, 1.0, -1.5, 0.1, 3.141592653589793, 1.0e100, 1.0e-100, 123456.789, -0.0, 5.0e-324, 1.0e22, 1.0e21],
    [erlang:display({float_to_list(F), float_to_list(F, [short]), float_to_list(F, [{decimals, 3}]),
                     float_to_list(F, [{scientific, 4}]), float_to_binary(F, [{decimals, 2}, compact])})
     || F <- [id(X) || X <- Fs]],
    erlang:display(float_to_list(id(2.5), [{decimals, 0}])),
    erlang:display(float_to_list(id(0.125), [{decimals, 2}])),
    erlang:display(float_to_list(id(1.0e10), [{decimals, 20}])),
    erlang:display(float_to_list(id(1.5), [{decimals, 5}, compact])),
    erlang:display(float_to_binary(id(1.0))),
    erlang:display(float_to_binary(id(0.3), [short])),
    erlang:display(list_to_float(id("1.5"))),
    erlang:display(list_to_float(id("-0.25e-3"))),
    erlang:display(list_to_float(id("1.0E10"))),
    erlang:display(binary_to_float(id(<<"2.718281828">>))),
    erlang:display(float_to_list(list_to_float(id("0.30000000000000004")), [short])),
    erlang:display(t(fun() -> list_to_float(id("1")) end)),
    erlang:display(t(fun() -> list_to_float(id("1.")) end)),
    erlang:display(t(fun() -> list_to_float(id(".5")) end)),
    erlang:display(t(fun() -> list_to_float(id("1e5")) end)),
    erlang:display(t(fun() -> binary_to_float(id(<<"abc">>)) end)),
    erlang:display(t(fun() -> float_to_list(id(1)) end)),
    erlang:display(t(fun() -> float_to_list(id(1.0), [{decimals, 254}]) end)),
    erlang:display(t(fun() -> float_to_list(id(1.0), [bogus]) end)),
    erlang:display([float_to_list(X, [short]) || X <- [1.0e15, 1.0e16, 1.0e-5, 1.0e-4, 123.0, 0.5e-6, 9.999999999999999e22]]),
    erlang:display(t(fun() -> float_to_list(id(1.0e300), [{decimals, 2}]) end)),
    erlang:display(length(float_to_list(id(1.0e200), [{decimals, 2}]))),
    ok.
