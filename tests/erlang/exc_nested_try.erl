-module(exc_nested_try).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display(level1(id(0))),
    erlang:display(level1(id(1))),
    erlang:display(level1(id(2))),
    erlang:display(level1(id(3))),
    erlang:display(level1(id(4))),
    erlang:display(deep(id(50))),
    erlang:display(rethrow_chain(id(start))),
    erlang:display(in_catch_clause()),
    erlang:display(in_of_clause()),
    erlang:display(lists:map(fun(X) -> try 10 div X catch error:badarith -> inf end end, id([1, 0, 5, 0]))),
    ok.

level1(N) ->
    try level2(N)
    catch throw:{from, 2} -> caught_at_1
    end.

level2(N) ->
    try level3(N)
    catch throw:{from, 3} -> caught_at_2;
          error:E -> {error_at_2, E}
    end.

level3(0) -> ok;
level3(1) -> throw({from, 3});
level3(2) -> throw({from, 2});
level3(3) -> error(boom);
level3(4) -> try throw(x) catch throw:x -> handled_locally end.

deep(0) -> throw(bottom);
deep(N) ->
    try deep(N - 1)
    catch throw:bottom when N =:= 25 -> {caught_at, N};
          throw:{caught_at, M} -> {caught_at, M}
    end.

rethrow_chain(X) ->
    try
        try
            try throw(X)
            catch throw:V -> throw({wrapped, V})
            end
        catch throw:W -> error({converted, W})
        end
    catch error:Z -> {final, Z}
    end.

in_catch_clause() ->
    try
        try throw(a)
        catch throw:a -> error(b)
        end
    catch error:b -> caught_b_from_catch_clause
    end.

in_of_clause() ->
    try
        try id(1) of
            1 -> throw(from_of)
        catch throw:_ -> not_here
        end
    catch throw:from_of -> of_clause_not_protected
    end.
