-module(arith_float_special).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Z = id(0.0), NZ = id(-0.0),
    erlang:display({Z, NZ, Z == NZ, Z =:= NZ, Z < NZ, NZ < Z}),
    erlang:display(lists:sort([NZ, Z, NZ, 0, Z])),
    erlang:display(float_to_list(NZ, [short])),
    erlang:display(float_to_list(-id(0.0), [short])),
    erlang:display(float_to_list(id(0.0) * -1, [short])),
    erlang:display(<<NZ/float>>),
    erlang:display(<<Z/float>>),
    erlang:display(term_to_binary(NZ)),
    erlang:display(erlang:phash2(Z) =:= erlang:phash2(NZ)),
    erlang:display(t(fun() -> id(1.0e308) + 1.0e308 end)),
    erlang:display(t(fun() -> id(-1.0e308) * 10 end)),
    erlang:display(t(fun() -> float(id(1 bsl 1024)) end)),
    erlang:display(t(fun() -> id(1 bsl 1024) + 0.5 end)),
    erlang:display(t(fun() -> id(1.0e-300) * 1.0e-300 end)),
    erlang:display(float_to_list(id(5.0e-324), [short])),
    erlang:display(float_to_list(id(5.0e-324) / 2, [short])),
    erlang:display(float_to_list(float(id((1 bsl 1024) - (1 bsl 971))), [short])),
    erlang:display(t(fun() -> float(id((1 bsl 1024) - (1 bsl 970))) end)),
    erlang:display(float_to_list(float(id((1 bsl 1024) - (1 bsl 970) - 1)), [short])),
    erlang:display([case id(Bits) of <<F/float>> -> {ok, F}; _ -> nomatch end
                    || Bits <- [<<16#7FF0000000000000:64>>, <<16#FFF0000000000000:64>>,
                                <<16#7FF8000000000000:64>>, <<16#7F800000:32>>,
                                <<16#3FF0000000000000:64>>, <<16#3F800000:32>>,
                                <<16#0000000000000001:64>>, <<16#8000000000000000:64>>]]),
    erlang:display(t(fun() -> <<(id(1.0e300)):32/float>> end)),
    erlang:display(<<(id(1.5)):32/float>>),
    erlang:display(<<(id(1.5)):16/float>>),
    erlang:display(<<(id(3)):64/float-little>>),
    ok.
