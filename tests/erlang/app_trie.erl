-module(app_trie).
-export([main/0]).

%% A prefix trie of maps, with insertion, lookup, prefix search and removal.
main() ->
    Words = ["tea", "ten", "to", "inn", "in", "i", "team", "tear", "toast", "zebra", "tent"],
    T = lists:foldl(fun insert/2, #{}, Words),
    erlang:display([{W, member(W, T)} || W <- ["tea", "te", "team", "teams", "i", "z", "zebra"]]),
    erlang:display(with_prefix("te", T)),
    erlang:display(with_prefix("to", T)),
    erlang:display(with_prefix("x", T)),
    erlang:display(with_prefix("", T) =:= lists:sort(Words)),
    T2 = remove("tea", T),
    erlang:display({member("tea", T2), member("team", T2), with_prefix("tea", T2)}),
    erlang:display(count(T)),
    Big = lists:foldl(fun insert/2, #{}, [integer_to_list(N * 7919 rem 100000) || N <- lists:seq(1, 2000)]),
    erlang:display(count(Big)),
    erlang:display(length(with_prefix("12", Big))),
    erlang:display(lists:sublist(with_prefix("99", Big), 5)),
    ok.

insert([], T) -> T#{'$end' => true};
insert([C | Cs], T) -> T#{C => insert(Cs, maps:get(C, T, #{}))}.

member([], T) -> maps:is_key('$end', T);
member([C | Cs], T) ->
    case T of
        #{C := Sub} -> member(Cs, Sub);
        _ -> false
    end.

with_prefix(P, T) ->
    case descend(P, T) of
        none -> [];
        Sub -> lists:sort([P ++ S || S <- all(Sub)])
    end.

descend([], T) -> T;
descend([C | Cs], T) ->
    case T of
        #{C := Sub} -> descend(Cs, Sub);
        _ -> none
    end.

all(T) ->
    maps:fold(fun('$end', _, Acc) -> [[] | Acc];
                 (C, Sub, Acc) -> [[C | S] || S <- all(Sub)] ++ Acc
              end, [], T).

remove([], T) -> maps:remove('$end', T);
remove([C | Cs], T) ->
    case T of
        #{C := Sub} ->
            Sub2 = remove(Cs, Sub),
            if map_size(Sub2) =:= 0 -> maps:remove(C, T); true -> T#{C := Sub2} end;
        _ -> T
    end.

count(T) -> maps:fold(fun('$end', _, Acc) -> Acc + 1; (_, Sub, Acc) -> Acc + count(Sub) end, 0, T).
