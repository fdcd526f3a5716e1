-module(exc_case_if_try_clause).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display(t(fun() -> case id(c) of a -> 1; b -> 2 end end)),
    erlang:display(t(fun() -> case id({x, [1]}) of {y, _} -> 1 end end)),
    erlang:display(t(fun() -> case id(5) of N when N > 10 -> big end end)),
    erlang:display(t(fun() -> case id(<<"bin">>) of <<"nib">> -> 1 end end)),
    erlang:display(t(fun() -> X = id(3), if X > 5 -> big; X < 0 -> neg end end)),
    erlang:display(t(fun() -> B = id(false), if B -> never end end)),
    erlang:display(t(fun() -> try id(unexpected) of expected -> fine catch _:_ -> caught end end)),
    erlang:display(t(fun() -> try id({a, b}) of {c, _} -> fine catch throw:_ -> thrown end end)),
    erlang:display(t(fun() -> try id(1) of 2 -> two after put(after_ran, yes) end end)),
    erlang:display(erase(after_ran)),
    erlang:display(t(fun() -> receive_free_case(id(maybe)) end)),
    ok.

receive_free_case(X) ->
    case X of
        yes -> true;
        no -> false
    end.
