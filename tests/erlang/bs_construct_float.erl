-module(bs_construct_float).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Fs = [0.0, -0.0, 1.0, -1.0, 0.5, 3.141592653589793, 1.0e300, 1.0e-300, 65504.0, 1.0e-7, 123456789.0],
    [erlang:display({F, <<F:64/float>>, <<F:32/float>>, <<F:16/float>>, <<F:64/float-little>>, <<F:32/float-little>>})
     || F <- [id(X) || X <- Fs]],
    erlang:display(<<(id(3)):64/float>>),
    erlang:display(<<(id(1 bsl 80)):32/float>>),
    erlang:display(<<(id(-7)):16/float-little>>),
    erlang:display(<<(id(1.0e10)):16/float>>),
    erlang:display(<<(id(1.0e-10)):16/float>>),
    erlang:display(<<(id(1.0e40)):32/float>>),
    erlang:display(try <<(id(1.0)):(id(24))/float>> catch error:R -> {error, R} end),
    erlang:display(try <<(id(a)):64/float>> catch error:R2 -> {error, R2} end),
    erlang:display(try <<(id(1 bsl 1100)):64/float>> catch error:R3 -> {error, R3} end),
    erlang:display(<<(id(2.5))/float>>),
    ok.
