-module(arith_int_float_convert).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Ints = [0, 1, -1, 1 bsl 52, 1 bsl 53, 1 bsl 53 + 1, 1 bsl 59 - 1, 1 bsl 63,
            -(1 bsl 63) - 1, 12345678901234567890123, 1 bsl 200],
    [erlang:display({I, float_to_list(float(I), [short]), trunc(float(I)) - I}) || I <- [id(X) || X <- Ints]],
    Floats = [0.1, 1.0e15, 1.0e16, 4503599627370495.5, 4503599627370496.5, 1.0e100, -7.999999999999999],
    [erlang:display({F, trunc(F), round(F), trunc(F) == F}) || F <- [id(X) || X <- Floats]],
    erlang:display([X * 1.0 || X <- [id(3), 1 bsl 60]]),
    erlang:display(id(1 bsl 60) + 0.0 == 1 bsl 60),
    erlang:display(id(7) / 7 =:= 1.0),
    erlang:display(id(10) div 3 + 10 / 4),
    ok.
