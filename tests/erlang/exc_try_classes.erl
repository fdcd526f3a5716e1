-module(exc_try_classes).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Actions = [{throw, ball}, {error, oops}, {exit, bye}, {throw, {complex, [1, 2], #{k => v}}},
               {error, {nested, {tuple}}}, {exit, normal}, {value, 42}, {throw, 1.5}, {error, "string"}],
    [erlang:display(classify(A)) || A <- [id(X) || X <- Actions]],
    [erlang:display(only_throw(A)) || A <- [id(X) || X <- Actions], element(1, A) =/= error, element(1, A) =/= exit],
    erlang:display(try id(throw(x)) catch x -> caught_x_without_class end),
    erlang:display(try erlang:throw(id(y)) catch throw:y -> caught_y end),
    erlang:display(try erlang:error(id(e)) catch error:e -> caught_e end),
    erlang:display(try erlang:exit(id(x)) catch exit:x -> caught_exit end),
    erlang:display(try erlang:error(id(e), [arg1, arg2]) catch error:E -> {e2, E} end),
    erlang:display(nested_classes()),
    ok.

classify(A) ->
    try do(A) of
        V -> {returned, V}
    catch
        throw:T -> {thrown, T};
        error:E -> {error, E};
        exit:X -> {exited, X}
    end.

only_throw(A) ->
    try do(A) catch T -> {plain_catch, T} end.

do({throw, X}) -> throw(X);
do({error, X}) -> error(X);
do({exit, X}) -> exit(X);
do({value, X}) -> X.

nested_classes() ->
    try
        try error(inner)
        catch throw:_ -> wrong_class
        end
    catch
        Class:Reason -> {outer_got, Class, Reason}
    end.
